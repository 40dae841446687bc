{
  "targets": [
    {
      "target_name": "hasher",
      "sources": ["src/hasher.cc"],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"]
    }
  ]
}
