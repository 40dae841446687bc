const { DataSource, EntitySchema } = require("typeorm");

const Visit = new EntitySchema({ name: "Visit", columns: { id: { primary: true, type: "int", generated: true }, path: { type: "text" } } });

// The state lives on the volume the deployer mounts at /var/lib/visits.
const dataSource = new DataSource({
  type: "sqlite",
  database: "/var/lib/visits/visits.sqlite",
  entities: [Visit],
  synchronize: true,
});

dataSource.initialize().then(() => {
  require("http").createServer(async (req, res) => {
    await dataSource.getRepository("Visit").save({ path: req.url });
    res.end("ok");
  }).listen(8080);
});
