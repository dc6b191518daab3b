/// <reference types="vite/client" />
declare module 'topojson-server';
declare module 'topojson-simplify';
