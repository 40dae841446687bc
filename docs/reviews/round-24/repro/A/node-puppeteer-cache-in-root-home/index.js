import http from 'node:http';
import puppeteer from 'puppeteer';

http.createServer(async (req, res) => {
  const browser = await puppeteer.launch({ args: ['--no-sandbox'] });
  const page = await browser.newPage();
  await page.goto('https://example.com');
  res.end(await page.screenshot());
  await browser.close();
}).listen(3000);
