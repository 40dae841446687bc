const puppeteer = require('puppeteer');
(async () => {
  const browser = await puppeteer.launch({ executablePath: 'google-chrome-stable', args: ['--no-sandbox'] });
  const page = await browser.newPage();
  await page.setContent('<p>渲染</p>');
  await page.screenshot({ path: '/tmp/out.png' });
  await browser.close();
})();
