/**
 * The cheapest server that could do the job: restify, one JSON body, one MongoDB insert, 200.
 * The benchmark compares the bot with this, so its figures are our overhead, not the machine's.
 * Run by bench/load.ts with MONGODB_URI, PORT and HOST set.
 */
import mongoose from 'mongoose';
import restify from 'restify';

async function main(): Promise<void> {
  // The driver's own collection, as mongoose hands it over: no models, no validation.
  const connection = await mongoose.createConnection(process.env.MONGODB_URI ?? '').asPromise();
  const clicks = connection.getClient().db().collection('baseline_clicks');
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024 }));
  server.get('/readyz', async (_req, res) => {
    res.send(200, { ready: true });
  });
  server.post('/click', async (req, res) => {
    const body = req.body as { user?: string; choice?: string };
    await clicks.insertOne({ user: body.user, choice: body.choice, at: new Date() });
    res.send(200, { ok: true });
  });
  server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
  process.once('SIGTERM', () => {
    server.close();
    void connection.close().then(() => process.exit(0));
  });
}

void main();
