exports.greeting = "hi";
