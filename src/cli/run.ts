import { ConfigError } from '../config';
import { ContentError } from '../contentError';
import { UsageError } from './args';

/**
 * Runs a CLI's main. A usage mistake prints what was wrong and the usage
 * (exit 2); bad configuration or content prints its one-line or per-problem
 * report (exit 1). Every CLI ends the same way.
 */
export function runCli(main: (argv: string[]) => Promise<number>, usage = ''): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      if (err instanceof UsageError) {
        console.error([err.message, usage].filter((x) => x !== '').join('\n'));
        process.exitCode = 2;
        return;
      }
      if (err instanceof ContentError) console.error(err.report());
      else if (err instanceof ConfigError) console.error(err.message);
      else console.error((err as Error).message);
      process.exitCode = 1;
    },
  );
}
