#!/bin/sh -l
exec node server.js
