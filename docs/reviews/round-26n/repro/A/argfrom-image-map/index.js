console.log("hello from " + process.version.split(".")[0]);
