import type { ServiceContext } from "../shared/context.js";
import { isoOrNull } from "../shared/dates.js";
import { notFound } from "../shared/errors.js";
import { toPage } from "../shared/pagination.js";
import type { TPublicBoardInput, TPublicPosting, TPublicPostingInput, TPublicPostingPage, TSearchPostingsInput } from "./posting.schema.js";
import * as repo from "./posting.repository.js";

/**
 * The public job board: anyone, signed in or not, sees published postings of live employers.
 * What it shows leaves out who wrote a posting and its internal document; a draft's or closed
 * posting's id answers exactly like an unknown one.
 */
const toPublicDto = ({ posting: p, employer }: repo.PostingWithEmployer): TPublicPosting => ({
  id: p.id,
  title: p.title,
  description: p.description,
  location: p.location,
  remote: p.remote,
  employmentType: p.employmentType,
  salaryMin: p.salaryMin,
  salaryMax: p.salaryMax,
  salaryCurrency: p.salaryCurrency,
  requiredSkills: p.requiredSkills,
  niceToHaveSkills: p.niceToHaveSkills,
  publishedAt: isoOrNull(p.publishedAt),
  employer,
});

async function employerOf(ctx: ServiceContext, slug: string) {
  const employer = await repo.findEmployerBySlug(ctx.db, slug);
  if (!employer) throw notFound("Employer");
  return employer;
}

/** One employer's board, newest first. */
export async function listBoard(ctx: ServiceContext, input: TPublicBoardInput): Promise<TPublicPostingPage> {
  const employer = await employerOf(ctx, input.accountSlug);
  const rows = await repo.findPublishedPage(ctx.db, { accountId: employer.id, limit: input.limit, cursor: input.cursor });
  return toPage(rows.map((r) => ({ ...r, id: r.posting.id })), input.limit, toPublicDto);
}

/** One published posting of that employer. */
export async function getBoardPosting(ctx: ServiceContext, input: TPublicPostingInput): Promise<TPublicPosting> {
  const employer = await employerOf(ctx, input.accountSlug);
  const [row] = await repo.findPublishedPage(ctx.db, { accountId: employer.id, postingId: input.postingId, limit: 1 });
  if (!row) throw notFound("Posting");
  return toPublicDto(row);
}

/** Every employer's published postings: words (full text), place, remote, employment type. */
export async function searchPostings(ctx: ServiceContext, input: TSearchPostingsInput): Promise<TPublicPostingPage> {
  const rows = await repo.findPublishedPage(ctx.db, {
    q: input.q || undefined,
    location: input.location || undefined,
    remote: input.remote,
    employmentType: input.employmentType,
    limit: input.limit,
    cursor: input.cursor,
  });
  return toPage(rows.map((r) => ({ ...r, id: r.posting.id })), input.limit, toPublicDto);
}
