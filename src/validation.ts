import type { z } from 'zod';

/** One line per problem: "where: what was wrong", for start-up errors and the content validator. */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
    return `${where}: ${issue.message}`;
  });
}
