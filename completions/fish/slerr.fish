# SPDX-License-Identifier: MIT
# fish completion for slerr. The program itself gives the commands (`slerr --list-commands`),
# each command's options (`slerr COMMAND --list-options`) and the codes and symbols of its
# catalog (`slerr list --names`), so none of them is written here twice or goes stale. Only
# the values of a few options are listed here.

function __slerr_program
    set -l tokens (commandline -opc)
    echo $tokens[1]
end

function __slerr_names
    set -l slerr (__slerr_program)
    command $slerr list --names 2>/dev/null
end

function __slerr_commands
    set -l slerr (__slerr_program)
    command $slerr --list-commands 2>/dev/null
end

# The command word of the line being completed; empty before it (a code means lookup).
function __slerr_command
    set -l tokens (commandline -opc)
    set -l commands (__slerr_commands | string replace -r '\t.*' '')
    for token in $tokens[2..-1]
        if contains -- $token $commands
            echo $token
            return
        end
    end
end

function __slerr_options
    set -l slerr (__slerr_program)
    set -l command (__slerr_command)
    if test -z "$command"
        command $slerr lookup --list-options 2>/dev/null | string replace -r '=$' ''
        echo --version
    else
        command $slerr $command --list-options 2>/dev/null | string replace -r '=$' ''
    end
end

function __slerr_takes_codes
    set -l command (__slerr_command)
    test -z "$command"; or test "$command" = lookup
end

# Whether the command being completed has the option (a value list applies only there).
function __slerr_has_option
    contains -- $argv[1] (__slerr_options)
end

complete -c slerr -f
complete -c slerr -n 'test -z "$(__slerr_command)"' -a '(__slerr_commands)'
complete -c slerr -n '__slerr_takes_codes' -a '(__slerr_names)'
complete -c slerr -n 'test "$(__slerr_command)" = help' -a '(__slerr_commands)'
complete -c slerr -n 'test "$(__slerr_command)" = annotate' -F
complete -c slerr -n 'test "$(__slerr_command)" = explain' -F
complete -c slerr -n 'string match -q -- "-*" (commandline -ct)' -a '(__slerr_options)'

# Option values, for the commands that have the option.
complete -c slerr -n '__slerr_has_option --color' -l color -x -a 'auto always never'
complete -c slerr -n '__slerr_has_option --kind' -l kind -x -a 'code event symptom setting'
complete -c slerr -n '__slerr_has_option --applies-to' -l applies-to -x -a 'kms-client kms-host mak retail oem'
complete -c slerr -n '__slerr_has_option --clock' -l clock -x -a 'auto ntp smb'
complete -c slerr -n '__slerr_has_option --kms' -s H -l kms -x -a '(__fish_print_hostnames)'
complete -c slerr -n '__slerr_has_option --dns-server' -l dns-server -x -a '(__fish_print_hostnames)'
complete -c slerr -n '__slerr_has_option --ntp' -l ntp -x -a '(__fish_print_hostnames)'
complete -c slerr -n '__slerr_has_option --resolv-conf' -l resolv-conf -r -F
complete -c slerr -n '__slerr_has_option --prometheus' -l prometheus -r -F
