// The interview of the tenant's application for the isolation world, with its panel (one
// interviewer and their notes), so interview ids and feedback are real per tenant.
import { schema } from "@atrium/db";
import type { TestApi } from "../../testing.js";

export async function seedInterview(api: TestApi, name: string, application: { accountId: string; applicationId: string }, interviewerId: string) {
  const db = api.svc.db;
  const { accountId, applicationId } = application;
  const [interview] = await db
    .insert(schema.interviews)
    .values({ accountId, applicationId, startsAt: new Date(Date.now() + 3 * 86_400_000), meetingUrl: `https://meet.example.test/${name}` })
    .returning();
  if (!interview) throw new Error("no interview");
  await db.insert(schema.interviewInterviewers).values({ interviewId: interview.id, userId: interviewerId, accountId, notes: `${name} interview notes` });
  return { interviewId: interview.id, markers: [interview.id, `${name} interview notes`, `https://meet.example.test/${name}`] };
}
