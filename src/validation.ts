import type { z } from 'zod';
import type { Problem } from './contentError';

/** One line per problem: "where: what was wrong", for start-up errors and the content validator. */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
    return `${where}: ${issue.message}`;
  });
}

/** A zod error as content problems: one per issue, with the field's path. */
export function zodProblems(error: z.ZodError, file: string, entry?: string): Problem[] {
  return error.issues.map((issue) => ({
    file,
    entry,
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : undefined,
    message: issue.message,
  }));
}
