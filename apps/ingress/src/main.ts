import 'reflect-metadata';
import { runService } from '@app/runtime';
import { startIngress } from './start';

if (process.argv[2] === 'migrate') {
  process.stdout.write('ingress: no database\n');
} else {
  void runService(() => startIngress());
}
