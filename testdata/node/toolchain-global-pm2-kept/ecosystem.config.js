module.exports={apps:[{script:"server.js"}]}
