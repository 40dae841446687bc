import discord

# discord.py's FFmpegPCMAudio starts the ffmpeg program for every track.
def source(url):
    return discord.FFmpegPCMAudio(url)
