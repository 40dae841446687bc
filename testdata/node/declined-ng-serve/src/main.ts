console.log("admin-ui");
