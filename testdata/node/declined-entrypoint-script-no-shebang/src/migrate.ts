console.log("migrate");
