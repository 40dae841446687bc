console.log("work");
