/**
 * The one error for content that cannot be used (an area's contacts, the
 * knowledge base), and the one way to print its problems: each names the
 * file, the entry and the field where it can, then what is wrong.
 */
export interface Problem {
  file: string;
  entry?: string;
  field?: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return [p.file, p.entry, p.field, p.message].filter((x) => x !== undefined && x !== '').join(': ');
}

export class ContentError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ContentError';
    this.problems = problems;
  }

  /** The message for a person: a heading, then one line per problem. */
  report(): string {
    return `Content error:\n${this.problems.map(formatProblem).join('\n')}`;
  }
}
