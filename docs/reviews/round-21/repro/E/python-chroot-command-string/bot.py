import asyncio

GP_CMD = 'chroot --userspec=nobody / gp -q %s'


async def run(cmd):
    proc = await asyncio.create_subprocess_shell(cmd, stdout=asyncio.subprocess.PIPE)
    await proc.wait()
    return (await proc.stdout.read()).decode()


async def main():
    path = '/tmp/bot.gp'
    with open(path, 'w') as f:
        f.write('1+1\n')
    print(await run(GP_CMD % path))

asyncio.run(main())
