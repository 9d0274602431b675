/** Skills the local analyzer recognizes (case-insensitive); extend freely. */
export const SKILLS: readonly string[] = [
  "JavaScript", "TypeScript", "Node.js", "React", "Vue", "Angular", "Svelte", "Next.js", "Python", "Django", "Flask", "FastAPI",
  "Java", "Kotlin", "Spring", "Go", "Rust", "C++", "C#", ".NET", "Ruby", "Rails", "PHP", "Laravel", "Swift", "Scala",
  "SQL", "PostgreSQL", "MySQL", "MongoDB", "Redis", "Elasticsearch", "Kafka", "RabbitMQ", "GraphQL", "REST",
  "Docker", "Kubernetes", "Terraform", "AWS", "GCP", "Azure", "Linux", "CI/CD", "Git", "Jenkins",
  "HTML", "CSS", "Tailwind", "Webpack", "Vite", "Jest", "Vitest", "Playwright", "Cypress",
  "Machine Learning", "Data Analysis", "Pandas", "NumPy", "TensorFlow", "PyTorch", "Spark", "Airflow",
  "Agile", "Scrum", "Leadership", "Mentoring", "Communication", "Project Management", "Product Management", "Excel",
];
