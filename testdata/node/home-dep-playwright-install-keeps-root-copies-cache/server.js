const http = require('http');
const { chromium } = require('playwright');

http.createServer(async (req, res) => {
  const browser = await chromium.launch();
  const page = await browser.newPage();
  await page.goto('https://example.com');
  res.end(await page.title());
  await browser.close();
}).listen(3000);
