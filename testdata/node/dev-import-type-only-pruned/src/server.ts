import express from 'express';
import type { Request, Response } from 'express';
import client from 'prom-client';
import type { Config } from 'ts-node';

export const settings: Partial<Config> = {};
client.collectDefaultMetrics();
const app = express();
app.get('/metrics', async (_req: Request, res: Response) => { res.send(await client.register.metrics()); });
app.listen(3000);
export default app;
