import { mount } from '@/platform/ui/mount';
import { App } from './App';

mount(<App />);
