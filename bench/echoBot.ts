/**
 * The baseline: a bare echo bot on the same botbuilder CloudAdapter, local
 * authentication and restify body parser as src/server.ts, with nothing of
 * ours on top (no envelope check, no logging, no state, no dialogs). What our
 * bot costs is measured as a ratio against this, in the same run.
 */
import type { Server } from 'node:http';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';

/** As src/server.ts; not imported from there, which would load zod and our code into the baseline. */
const MAX_BODY_BYTES = 256 * 1024;

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new EchoBot();
const server = restify.createServer({ name: 'echo-bot', handleUncaughtExceptions: false });
server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = (server.server as Server).address();
  const port = typeof address === 'object' && address ? address.port : 0;
  // The bench reads the port from this line, as it does from the bot's own start-up log.
  console.log(`echo bot listening on http://127.0.0.1:${port}/api/messages`);
});
process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
});
