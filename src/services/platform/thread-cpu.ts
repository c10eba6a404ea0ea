import fs from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/**
 * CPU time (user + system, ms, 10 ms resolution) a thread of this process has used, from
 * /proc/self/task/<tid>/stat; null where there is no such file (not Linux). The reader pool
 * judges statements by the CPU they burn, not by wall time, which on a busy machine also
 * counts waiting for a core.
 */
export function threadCpuMs(tid: number | null | undefined): number | null {
  if (!tid) return null;
  try {
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is the state (field 3 of proc(5)); utime and stime are fields 14 and 15.
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}
