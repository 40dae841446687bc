console.log("gateway on", process.env.NODE_ENV ?? "(unset)");
