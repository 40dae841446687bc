const express = require('express');
const puppeteer = require('puppeteer');

const app = express();
app.get('/shot', async (req, res) => {
  const browser = await puppeteer.launch({ args: ['--no-sandbox'] });
  const page = await browser.newPage();
  await page.goto(String(req.query.url));
  res.type('png').send(await page.screenshot());
  await browser.close();
});
app.listen(3000);
