exports.price = (n) => Math.round(n * 1.2 * 100) / 100;
