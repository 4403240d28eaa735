import { ContentError } from '../contacts/load';

/** Runs a CLI's main, turning content errors into a readable list and a non-zero exit. */
export function runCli(main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      if (err instanceof ContentError) console.error(`Content error:\n${err.problems.join('\n')}`);
      else console.error((err as Error).message);
      process.exitCode = 1;
    },
  );
}
