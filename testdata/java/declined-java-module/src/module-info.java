module app {}
