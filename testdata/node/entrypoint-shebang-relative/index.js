exports.start = function (args) {};
