import express from 'express';
// const client = require('prom-client'); // metrics, dropped for now
/*
  client.collectDefaultMetrics();
  const { register } = await import('prom-client');
*/

const app = express();
app.get('/health', (_req, res) => { res.send('ok'); });
app.listen(3000);
