# fish completion for slerr: commands, options, option values, and codes and symbols taken
# from the installed catalog (`slerr list --names`), so the list never goes stale.

function __slerr_names
    command slerr list --names 2>/dev/null
end

set -l commands lookup search list event symptom setting annotate diagnose repl help
set -l no_code_commands search list event symptom setting annotate diagnose repl help

complete -c slerr -f
complete -c slerr -n "not __fish_seen_subcommand_from $commands" -a lookup -d 'show the entry for each code'
complete -c slerr -n "not __fish_seen_subcommand_from $commands" -a search -d 'ranked full-text search'
complete -c slerr -n "not __fish_seen_subcommand_from $commands" -a list -d 'the catalog, with filters'
complete -c slerr -n "not __fish_seen_subcommand_from $commands" -a event -d 'a Software Licensing event ID'
complete -c slerr -n "not __fish_seen_subcommand_from $commands" -a symptom -d 'a problem without a code'
complete -c slerr -n "not __fish_seen_subcommand_from $commands" -a setting -d 'a KMS registry value'
complete -c slerr -n "not __fish_seen_subcommand_from $commands" -a annotate -d 'copy logs, marking every code'
complete -c slerr -n "not __fish_seen_subcommand_from $commands" -a diagnose -d 'probe DNS, TCP 1688, RPC and clock'
complete -c slerr -n "not __fish_seen_subcommand_from $commands" -a repl -d 'interactive session'
complete -c slerr -n "not __fish_seen_subcommand_from $commands" -a help -d 'help on a command'
complete -c slerr -n "not __fish_seen_subcommand_from $no_code_commands" -a '(__slerr_names)'
complete -c slerr -n "__fish_seen_subcommand_from help" -a "$commands"

complete -c slerr -s j -l json -d 'JSON Lines output'
complete -c slerr -l color -x -a 'auto always never' -d 'when to colour'
complete -c slerr -s h -l help -d 'show help'
complete -c slerr -n "not __fish_seen_subcommand_from $commands" -l version -d 'show version'
complete -c slerr -n "not __fish_seen_subcommand_from $no_code_commands" -s b -l brief -d 'the message only'
complete -c slerr -n "__fish_seen_subcommand_from list" -l names -d 'codes and symbols only'
complete -c slerr -n "__fish_seen_subcommand_from list" -l applies -x -a 'kms-client kms-host mak retail oem'
complete -c slerr -n "__fish_seen_subcommand_from list" -l kind -x -a 'code event symptom setting'
complete -c slerr -n "__fish_seen_subcommand_from list" -l facility -x
complete -c slerr -n "__fish_seen_subcommand_from annotate" -F
complete -c slerr -n "__fish_seen_subcommand_from annotate" -l all -d 'mark unknown 0x codes too'
complete -c slerr -n "__fish_seen_subcommand_from annotate" -l line-buffered -d 'flush after every line'
complete -c slerr -n "__fish_seen_subcommand_from diagnose" -s H -l kms -x -a '(__fish_print_hostnames)'
complete -c slerr -n "__fish_seen_subcommand_from diagnose" -l dns-server -x -a '(__fish_print_hostnames)'
complete -c slerr -n "__fish_seen_subcommand_from diagnose" -l ntp -x -a '(__fish_print_hostnames)'
complete -c slerr -n "__fish_seen_subcommand_from diagnose" -l clock -x -a 'auto ntp smb' -d 'clock source'
complete -c slerr -n "__fish_seen_subcommand_from diagnose" -l smb-port -x -d 'port'
complete -c slerr -n "__fish_seen_subcommand_from diagnose" -s t -l timeout -x -d 'seconds'
complete -c slerr -n "__fish_seen_subcommand_from diagnose" -l nagios -d 'monitoring plugin output'
complete -c slerr -n "__fish_seen_subcommand_from diagnose" -s w -l warning -x -d 'offset hours[,seconds] ranges'
complete -c slerr -n "__fish_seen_subcommand_from diagnose" -s c -l critical -x -d 'offset hours[,seconds] ranges'
complete -c slerr -n "__fish_seen_subcommand_from diagnose" -l prometheus -r -F -d 'metrics file, - for stdout'
complete -c slerr -n "__fish_seen_subcommand_from repl" -l no-history -d 'no history file'
complete -c slerr -n "__fish_seen_subcommand_from repl" -l pager -d 'page long output'
