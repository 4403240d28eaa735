import { ContentError } from '../contentError';

/** Runs a CLI's main, turning content errors into a readable list and a non-zero exit. */
export function runCli(main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      if (err instanceof ContentError) console.error(err.report());
      else console.error((err as Error).message);
      process.exitCode = 1;
    },
  );
}
