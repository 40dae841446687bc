const app = require('express')();
app.get('/', (q, r) => r.send('hits\n'));
app.listen(3000);
