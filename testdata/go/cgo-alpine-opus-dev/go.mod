module example.com/opusenc

go 1.22

require layeh.com/gopus v0.0.0-20210501142526-1ee02d434e32
