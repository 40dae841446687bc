require('http').createServer((q, r) => r.end('hits\n')).listen(3000);
