import type { Posting, PublicPosting } from "../../lib/trpc";

export type PostingStatus = Posting["status"];
export type EmploymentType = Posting["employmentType"];

export const POSTING_STATUSES = ["draft", "published", "closed"] as const satisfies readonly PostingStatus[];
export const STATUS_LABELS: Record<PostingStatus, string> = { draft: "Draft", published: "Published", closed: "Closed" };
export const STATUS_COLORS: Record<PostingStatus, string> = { draft: "gray", published: "teal", closed: "orange" };
export const isPostingStatus = (v: string | undefined): v is PostingStatus => !!v && (POSTING_STATUSES as readonly string[]).includes(v);

export const EMPLOYMENT_TYPES = ["full_time", "part_time", "contract", "internship", "temporary"] as const satisfies readonly EmploymentType[];
export const EMPLOYMENT_LABELS: Record<EmploymentType, string> = {
  full_time: "Full-time",
  part_time: "Part-time",
  contract: "Contract",
  internship: "Internship",
  temporary: "Temporary",
};
export const EMPLOYMENT_OPTIONS = EMPLOYMENT_TYPES.map((value) => ({ value, label: EMPLOYMENT_LABELS[value] }));
export const isEmploymentType = (v: string | undefined | null): v is EmploymentType => !!v && (EMPLOYMENT_TYPES as readonly string[]).includes(v);

type Salaried = Pick<Posting | PublicPosting, "salaryMin" | "salaryMax" | "salaryCurrency">;

/** "€30,000 – €40,000 a year", "From $50,000 a year", or null when no range was given. */
export function formatSalary(p: Salaried): string | null {
  if (p.salaryMin === null && p.salaryMax === null) return null;
  const money = (n: number) => {
    try {
      return new Intl.NumberFormat(undefined, { style: "currency", currency: p.salaryCurrency, maximumFractionDigits: 0 }).format(n);
    } catch {
      return `${n.toLocaleString()} ${p.salaryCurrency}`;
    }
  };
  if (p.salaryMin !== null && p.salaryMax !== null) return p.salaryMin === p.salaryMax ? `${money(p.salaryMin)} a year` : `${money(p.salaryMin)} – ${money(p.salaryMax)} a year`;
  return p.salaryMin !== null ? `From ${money(p.salaryMin)} a year` : `Up to ${money(p.salaryMax ?? 0)} a year`;
}

/** "Lyon · Remote", "Remote", "Lyon", or "Location not given". */
export function formatPlace(p: Pick<Posting, "location" | "remote">): string {
  return [p.location, p.remote ? "Remote" : ""].filter(Boolean).join(" · ") || "Location not given";
}
