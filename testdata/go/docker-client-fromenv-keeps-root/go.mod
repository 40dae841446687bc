module example.com/watcher

go 1.23

require github.com/docker/docker v26.1.0+incompatible
