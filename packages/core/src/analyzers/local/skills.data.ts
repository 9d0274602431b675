/**
 * The skills the local analyzer knows, with the other ways people write them.
 * Data, not code: add a skill or a synonym here and both the posting parser and
 * the résumé reader see it.
 *
 * Matching (see skills.ts): every spelling is tokenized like the text and compared
 * token by token on the Porter2 stem, so "mentored", "mentoring" and "mentors"
 * all reach "mentor". `literal` skills compare whole words instead (the stem of
 * "accounting" is "account", which "40 key accounts" also has); `caseSensitive`
 * ones are common English words unless capitalized ("Go", "Swift", "React"): their
 * name must match case and all; an alias starting with "=" likewise ("=Node").
 */
export interface SkillDef {
  name: string;
  aliases?: readonly string[];
  literal?: boolean;
  caseSensitive?: boolean;
}

const tech: SkillDef[] = [
  { name: "JavaScript", aliases: ["JS", "ECMAScript", "ES6"] },
  { name: "TypeScript", aliases: ["TS"] },
  { name: "Node.js", aliases: ["NodeJS", "=Node"] },
  { name: "React", aliases: ["React.js", "ReactJS"], caseSensitive: true },
  { name: "Vue", aliases: ["Vue.js", "VueJS"] },
  { name: "Angular", aliases: ["AngularJS"] },
  { name: "Svelte" },
  { name: "Next.js", aliases: ["NextJS"] },
  { name: "Python" },
  { name: "Django" },
  { name: "Flask", caseSensitive: true },
  { name: "FastAPI" },
  { name: "Java", caseSensitive: true },
  { name: "Kotlin" },
  { name: "Spring", aliases: ["Spring Boot"], caseSensitive: true },
  { name: "Go", aliases: ["Golang"], caseSensitive: true },
  { name: "Rust", caseSensitive: true },
  { name: "C++", aliases: ["cpp"] },
  { name: "C#", aliases: ["csharp"] },
  { name: ".NET", aliases: ["dotnet", "ASP.NET"] },
  { name: "Ruby", caseSensitive: true },
  { name: "Rails", aliases: ["Ruby on Rails"], caseSensitive: true },
  { name: "PHP" },
  { name: "Laravel" },
  { name: "Swift", caseSensitive: true },
  { name: "Scala" },
  { name: "SQL" },
  { name: "PostgreSQL", aliases: ["Postgres", "psql"] },
  { name: "MySQL", aliases: ["MariaDB"] },
  { name: "MongoDB", aliases: ["Mongo"] },
  { name: "Redis" },
  { name: "Elasticsearch", aliases: ["Elastic Search", "OpenSearch"] },
  { name: "Kafka", aliases: ["Apache Kafka"] },
  { name: "RabbitMQ" },
  { name: "GraphQL" },
  { name: "REST", aliases: ["RESTful", "REST API", "REST APIs"], caseSensitive: true },
  { name: "gRPC", aliases: ["protobuf", "Protocol Buffers"] },
  { name: "Docker", aliases: ["containerization", "containerized"] },
  { name: "Kubernetes", aliases: ["k8s", "EKS", "GKE", "AKS"] },
  { name: "Terraform", aliases: ["OpenTofu"] },
  { name: "AWS", aliases: ["Amazon Web Services"] },
  { name: "GCP", aliases: ["Google Cloud", "Google Cloud Platform"] },
  { name: "Azure", aliases: ["Microsoft Azure"] },
  { name: "Linux" },
  { name: "CI/CD", aliases: ["continuous integration", "continuous delivery", "GitHub Actions", "GitLab CI"] },
  { name: "Git" },
  { name: "Jenkins" },
  { name: "Prometheus" },
  { name: "Grafana" },
  { name: "OpenTelemetry", aliases: ["OTel"] },
  { name: "Observability" },
  { name: "Microservices", aliases: ["microservice"] },
  { name: "Distributed Systems", aliases: ["distributed system"] },
  { name: "HTML", aliases: ["HTML5"] },
  { name: "CSS", aliases: ["CSS3", "Sass", "SCSS"] },
  { name: "Tailwind", aliases: ["Tailwind CSS", "TailwindCSS"] },
  { name: "Webpack" },
  { name: "Vite" },
  { name: "Jest" },
  { name: "Vitest" },
  { name: "Playwright" },
  { name: "Cypress" },
  { name: "Accessibility", aliases: ["a11y", "WCAG", "web accessibility"] },
  { name: "Design Systems", aliases: ["design system", "component library", "component libraries"] },
  { name: "Machine Learning", aliases: ["ML"] },
  { name: "Data Analysis", aliases: ["data analytics"] },
  { name: "Pandas" },
  { name: "NumPy" },
  { name: "TensorFlow" },
  { name: "PyTorch" },
  { name: "Spark", aliases: ["Apache Spark", "PySpark"], caseSensitive: true },
  { name: "Airflow" },
];

const work: SkillDef[] = [
  { name: "Agile" },
  { name: "Scrum" },
  { name: "Leadership", aliases: ["team lead", "tech lead", "led a team", "people management"] },
  { name: "Mentoring", aliases: ["mentor", "mentorship", "coached", "coaching"] },
  { name: "Communication", aliases: ["communication skills"] },
  { name: "Project Management", aliases: ["project manager", "PMP"] },
  { name: "Product Management", aliases: ["product manager"] },
  { name: "Excel", aliases: ["Microsoft Excel", "spreadsheets"], caseSensitive: true },
];

const nursing: SkillDef[] = [
  { name: "Nursing", aliases: ["nurse", "RN", "LPN"] },
  { name: "Patient Care", aliases: ["patient care"] },
  { name: "BLS", aliases: ["Basic Life Support"] },
  { name: "ACLS", aliases: ["Advanced Cardiac Life Support"] },
  { name: "Medication Administration", aliases: ["administered medication", "administering medication", "medication management"] },
  { name: "Wound Care" },
  { name: "Triage" },
  { name: "Electronic Health Records", aliases: ["EHR", "EMR", "=Epic"] },
  { name: "Intensive Care", aliases: ["ICU", "critical care"] },
  { name: "Infection Control" },
  { name: "Pediatrics", aliases: ["pediatric", "paediatric", "paediatrics"] },
  { name: "Telemetry", aliases: ["cardiac monitoring"] },
  { name: "Vital Signs", aliases: ["vitals"] },
];

const sales: SkillDef[] = [
  { name: "Sales", aliases: ["selling", "salesperson", "sales representative", "account executive"] },
  { name: "B2B Sales", aliases: ["B2B"] },
  { name: "Lead Generation", aliases: ["prospecting", "lead gen"] },
  { name: "CRM", aliases: ["Salesforce", "HubSpot"] },
  { name: "Negotiation", aliases: ["negotiating", "negotiated"] },
  { name: "Account Management", aliases: ["account manager", "key accounts"] },
  { name: "Cold Calling", aliases: ["cold calls", "cold call"] },
  { name: "Customer Service", aliases: ["customer support"] },
  { name: "Quota Attainment", aliases: ["quota", "quotas"] },
  { name: "Customer Success", aliases: ["customer success manager"] },
  { name: "Upselling", aliases: ["upsell", "upsells", "cross-selling"] },
  { name: "Pipeline Management", aliases: ["sales pipeline"] },
];

const accounting: SkillDef[] = [
  { name: "Accounting", aliases: ["accountant", "accounts payable", "accounts receivable"], literal: true },
  { name: "Bookkeeping", aliases: ["bookkeeper"] },
  { name: "GAAP", aliases: ["IFRS"] },
  { name: "Financial Reporting", aliases: ["financial statements"] },
  { name: "Auditing", aliases: ["audit", "audits", "auditor"] },
  { name: "Payroll" },
  { name: "Budgeting", aliases: ["forecasting"] },
  { name: "Tax Preparation", aliases: ["tax returns", "taxation"] },
  { name: "Reconciliation", aliases: ["reconciliations", "reconciled", "reconciling"] },
  { name: "QuickBooks", aliases: ["Xero"] },
  { name: "General Ledger", aliases: ["GL accounting"] },
  { name: "Month-End Close", aliases: ["month end close", "month-end closing", "closing the books"] },
];

export const SKILL_VOCABULARY: readonly SkillDef[] = [...tech, ...work, ...nursing, ...sales, ...accounting];
