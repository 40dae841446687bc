package config

// Default is the URL used when config.yaml sets none.
const Default = "mongodb://localhost:27017"
