const { Sequelize, DataTypes } = require("sequelize");

// The deployer mounts /data; Sequelize keeps the notes in an SQLite file there.
const sequelize = new Sequelize({
  dialect: "sqlite",
  storage: "/data/notes.sqlite",
  logging: false,
});
const Note = sequelize.define("Note", { body: DataTypes.TEXT });

require("http").createServer(async (req, res) => {
  await Note.create({ body: req.url });
  res.end("ok");
}).listen(8080);
sequelize.sync();
