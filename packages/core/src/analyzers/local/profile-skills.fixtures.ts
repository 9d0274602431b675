/** Three résumés of different professions for the skill extraction tests (profile-skills.test.ts). Written for them; any likeness is chance. */

export const ICU_NURSE = `Maria Santos
Critical Care Nurse, Porto

Summary
ICU nurse with 7 years of experience in cardiac and post-surgical care.

Experience
Critical Care Nurse at Hospital de Santo António, Porto (2019 - Present)
- Managed ventilated patients and arterial lines; titrated vasopressors.
- Led sepsis screening and early mobility rounds; mentored new graduates.
Staff Nurse, Clínica do Dragão, Porto (2017 - 2019)
- Post-operative care, wound care and patient education.

Education
BSc Nursing, University of Porto (2013 - 2017)

Skills
Hemodynamic monitoring, ventilator management, sepsis screening, BLS, ACLS, family counselling
`;

export const FIELD_SALES = `Tom Becker
Regional Sales Manager, Hamburg

Summary
Field salesperson with 9 years of experience selling medical devices to hospitals.

Experience
Regional Sales Manager at Medilux GmbH, Hamburg (2020 - Present)
- Grew territory revenue 40%; ran key account planning with purchasing departments.
- Negotiated tenders and framework agreements; forecast the pipeline in HubSpot.
Sales Representative, Ortholine, Bremen (2016 - 2020)
- Cold calls, product demonstrations and trade fair follow-up.

Skills
Territory management, tender management, key account planning, negotiation, CRM, product demonstrations
`;

export const PLATFORM_ENGINEER = `Lena Fischer
Platform Engineer, Vienna

Summary
Platform engineer with 6 years of experience running Kubernetes for product teams.

Experience
Platform Engineer at Streamwise, Vienna (2021 - Present)
- Built the internal developer platform on Kubernetes and Terraform; cut deploy time from 40 to 8 minutes.
- Ran incident response and capacity planning; introduced Prometheus alerting.
Software Engineer, Kiosko, Graz (2019 - 2021)
- Go services and PostgreSQL; CI/CD with GitHub Actions.

Skills
Go, Kubernetes, Terraform, capacity planning, incident response, service mesh, chaos engineering
`;
