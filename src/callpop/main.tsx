import { mount } from '@/shared/ui/mount';
import { App } from './App';

mount(<App />);
