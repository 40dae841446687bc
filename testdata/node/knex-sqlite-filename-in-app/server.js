const http = require('http');
const knex = require('knex')({
  client: 'better-sqlite3',
  connection: {
    filename: './data/app.db',
  },
  useNullAsDefault: true,
});

http.createServer(async (req, res) => {
  await knex('visits').insert({ path: req.url });
  res.end('ok');
}).listen(3000);
