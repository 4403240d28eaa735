import { loadConfig, ConfigError } from './config';
import { ContentError } from './contentError';
import { startApp } from './app';
import { createLogger } from './log';

async function main(): Promise<void> {
  const log = createLogger();
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  try {
    const running = await startApp({ config, log });
    if (config.localMode) {
      log.warn(
        { event: 'startup', mode: 'local' },
        'No MicrosoftAppId: authentication is OFF, listening on 127.0.0.1 only',
      );
    } else {
      log.info(
        { event: 'startup', mode: 'azure' },
        'Authentication on: tokens from Azure Bot Service are validated',
      );
    }
    log.info({ event: 'listening', url: running.url }, `Bot listening on ${running.url}/api/messages`);
    if (running.localChatUrl) {
      log.info(
        { event: 'local-chat', url: running.localChatUrl },
        `Local test chat: open ${running.localChatUrl} in a browser`,
      );
    }
    const stop = () => {
      void running.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (err) {
    if (err instanceof ContentError) {
      console.error(err.report());
      process.exit(1);
    }
    console.error(`Could not start: ${(err as Error).message}`);
    process.exit(1);
  }
}

void main();
