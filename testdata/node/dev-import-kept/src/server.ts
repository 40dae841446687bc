import express from 'express';
import client from 'prom-client';

client.collectDefaultMetrics();
const app = express();
app.get('/metrics', async (_req, res) => { res.send(await client.register.metrics()); });
app.listen(3000);
