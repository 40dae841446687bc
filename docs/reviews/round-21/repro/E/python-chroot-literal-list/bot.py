import subprocess

with open('/tmp/bot.gp', 'w') as f:
    f.write('1+1\n')
print(subprocess.run(['chroot', '--userspec=nobody', '/', 'gp', '-q', '/tmp/bot.gp'],
                     capture_output=True, text=True).stdout)
