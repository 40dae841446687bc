exports.hello = () => 'hi';
