#!/bin/sh
echo starting
./server
