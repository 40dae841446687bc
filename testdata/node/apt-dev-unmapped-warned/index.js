const http = require('http');
const kerberos = require('kerberos');
const puppeteer = require('puppeteer-core');

http.createServer(async (req, res) => {
  const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium' });
  res.end(String(Boolean(kerberos && browser)));
  await browser.close();
}).listen(3000);
